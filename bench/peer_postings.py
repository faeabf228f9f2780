"""100 synthetic AI/ML job postings for the peer comparison, written for this project (deterministic).

Each posting is a title, an intro, responsibilities, requirements and nice-to-haves drawn from the
pools below with a seeded RNG, so every run of bench/peer_compare.py sees the same texts.

    python3 bench/peer_postings.py OUT.jsonl [N]
"""

from __future__ import annotations

import json
import random
import sys

TITLES = ["Machine Learning Engineer", "Senior LLM Engineer", "Applied Scientist, NLP", "Data Scientist (GenAI)",
          "MLOps Engineer", "AI Product Engineer", "Research Engineer, Information Retrieval", "Prompt Engineer",
          "Computer Vision Engineer", "AI Platform Engineer"]
INTROS = [
    "We are a fast-growing fintech building assistants that answer customer questions from our documentation.",
    "Our healthcare analytics team turns clinical notes into structured information for care providers.",
    "Join the search team that powers information retrieval across millions of product listings.",
    "We build generative AI tools for legal professionals and take data protection seriously.",
    "Our platform group runs training and inference for dozens of models in production.",
    "We help manufacturers predict failures from sensor data and maintenance reports.",
]
DUTIES = [
    "Design and build retrieval-augmented generation pipelines over internal knowledge bases.",
    "Fine-tune large language models with LoRA and evaluate them against human judgements.",
    "Own the evaluation harness: offline metrics, red-teaming and regression tests for prompts.",
    "Deploy models as low-latency services on Kubernetes and monitor drift in production.",
    "Write prompts and tool definitions for agents that call internal APIs.",
    "Build data pipelines that clean, deduplicate and label text for training and evaluation.",
    "Work with product managers and designers to turn research prototypes into features.",
    "Improve information retrieval quality with hybrid search, re-ranking and query rewriting.",
    "Mentor junior engineers and review code and experiment designs.",
    "Reduce inference cost through quantization, distillation and batching.",
    "Maintain vector databases and embedding pipelines for semantic search.",
    "Communicate results clearly to stakeholders and write concise design documents.",
    "Analyse user feedback and model errors to prioritise the next experiments.",
    "Ensure our AI systems comply with GDPR and the EU AI Act, documenting risks and mitigations.",
]
REQUIREMENTS = [
    "3+ years of experience with Python and PyTorch.",
    "Solid understanding of transformers, embeddings and attention.",
    "Hands-on experience with LangChain, LlamaIndex or similar orchestration frameworks.",
    "Experience with SQL and data warehousing (BigQuery, Snowflake or Redshift).",
    "Strong background in statistics and experimental design, including A/B testing.",
    "Familiarity with Docker, CI/CD and infrastructure as code.",
    "Experience building information retrieval or recommendation systems.",
    "Excellent written and verbal communication skills in English.",
    "Knowledge of natural language processing and text classification.",
    "You have shipped machine learning models to production and operated them.",
    "Experience with cloud platforms such as AWS, Azure or Google Cloud.",
    "Ability to work independently and take ownership in a remote-first team.",
    "Understanding of responsible AI: bias evaluation, explainability and privacy.",
    "Experience with Spark or Dask for large-scale data processing.",
]
NICE = [
    "Nice to have: experience with vLLM or TensorRT for serving.",
    "Bonus: publications in NLP or information retrieval venues.",
    "Preferred: knowledge of reinforcement learning from human feedback.",
    "Familiarity with computer vision or multimodal models is a plus.",
    "Experience with MLflow or Weights & Biases for experiment tracking is a plus.",
    "Knowledge of Rust or Go is an advantage.",
    "Prior work in a regulated industry (finance, healthcare) is welcome.",
]


def postings(n: int = 100, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        parts = [rng.choice(TITLES), "", rng.choice(INTROS), "", "What you will do:"]
        parts += [f"- {d}" for d in rng.sample(DUTIES, rng.randint(5, 8))]
        parts += ["", "What we are looking for:"]
        parts += [f"- {r}" for r in rng.sample(REQUIREMENTS, rng.randint(5, 8))]
        parts += ["", "Nice to have:"] + [f"- {x}" for x in rng.sample(NICE, rng.randint(1, 3))]
        out.append({"id": f"p{i:03d}", "text": "\n".join(parts) + "\n"})
    return out


if __name__ == "__main__":
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        for p in postings(n):
            f.write(json.dumps(p) + "\n")
