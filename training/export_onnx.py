"""Export a fine-tuned checkpoint to ONNX and quantise it to int8 for skillradar (training venv).

Same interface as the model skillradar already loads: inputs ``input_ids``, ``attention_mask``,
``token_type_ids`` (int64, batch × sequence), output ``last_hidden_state`` (batch × sequence × 384);
skillradar mean-pools and normalises. Weights are quantised dynamically to int8, per output channel
(``onnxruntime.quantization.quantize_dynamic``); the script prints the cosine between the int8 ONNX
vectors and the fp32 torch vectors on a few texts as a check.

Quantisation is weight-only: every large weight matrix is stored as int8 with one fp32 scale per
output channel (per row for embedding tables) and turned back into fp32 by a Cast and a Mul that
onnxruntime folds once at load. The arithmetic stays fp32, so a text's vector does not depend on the
other texts in its batch (dynamic activation quantisation, ``quantize_dynamic``, scales activations
per batch: measured here, it moved vectors with the batch and kept only cosine 0.98 to fp32).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np
import torch

CHECK = [
    "Experience with cloud platforms such as AWS and Azure.",
    "manage stakeholder expectations",
    "Python (computer programming)",
    "You will write clean, maintainable code and review pull requests.",
    "Erfahrung mit Datenbanken",
    "x",
]


def weight_only_int8(model, min_size: int = 4096) -> int:
    """Store 2-D float initializers of ≥ ``min_size`` values as int8 + per-channel scale (in place)."""
    import onnx
    from onnx import helper, numpy_helper

    consumers: dict[str, set[str]] = {}
    for node in model.graph.node:
        for name in node.input:
            consumers.setdefault(name, set()).add(node.op_type)
    keep, new_nodes, done = [], [], 0
    for init in model.graph.initializer:
        w = numpy_helper.to_array(init)
        if w.dtype != np.float32 or w.ndim != 2 or w.size < min_size:
            keep.append(init)
            continue
        axis = 1 if consumers.get(init.name, set()) <= {"Gather"} else 0  # rows of a table, columns of a MatMul weight
        scale = np.abs(w).max(axis=axis, keepdims=True) / 127.0
        scale[scale == 0] = 1.0
        q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
        keep.append(numpy_helper.from_array(q, init.name + "_q"))
        keep.append(numpy_helper.from_array(scale.astype(np.float32), init.name + "_scale"))
        new_nodes.append(helper.make_node("Cast", [init.name + "_q"], [init.name + "_f"], to=onnx.TensorProto.FLOAT))
        new_nodes.append(helper.make_node("Mul", [init.name + "_f", init.name + "_scale"], [init.name]))
        done += 1
    del model.graph.initializer[:]
    model.graph.initializer.extend(keep)
    nodes = new_nodes + list(model.graph.node)
    del model.graph.node[:]
    model.graph.node.extend(nodes)
    return done


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("checkpoint", type=Path)
    ap.add_argument("--out", type=Path, required=True, help="folder for model.onnx (int8)")
    args = ap.parse_args()
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(2)
    tok = AutoTokenizer.from_pretrained(str(args.checkpoint))
    model = AutoModel.from_pretrained(str(args.checkpoint), attn_implementation="eager").eval()

    class Hidden(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.m(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    wrapped = Hidden(model).eval()  # export restores the wrapper's mode afterwards: it must be eval too
    enc = tok(CHECK, padding=True, return_tensors="pt")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(
            wrapped,
            (enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]),
            str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={n: {0: "batch", 1: "sequence"} for n in ["input_ids", "attention_mask", "token_type_ids", "last_hidden_state"]},
            opset_version=17,
            dynamo=False,
        )
        import onnx

        target = args.out / "model.onnx"
        proto = onnx.load(str(fp32))
        n = weight_only_int8(proto)
        onnx.checker.check_model(proto)
        onnx.save(proto, str(target))
        print(f"{n} weight matrices stored as int8")
    import onnxruntime as ort

    sess = ort.InferenceSession(str(target), providers=["CPUExecutionProvider"])
    model.eval()
    with torch.no_grad():
        ref = model(**enc).last_hidden_state.numpy()
    got = sess.run(None, {k: enc[k].numpy() for k in ["input_ids", "attention_mask", "token_type_ids"]})[0]
    m = enc["attention_mask"].numpy()[:, :, None]

    def pool(h):
        v = (h * m).sum(1) / m.sum(1)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    cos = (pool(ref) * pool(got)).sum(1)
    print(f"{target}: {target.stat().st_size / 1e6:.1f} MB; cosine int8 vs fp32 min {cos.min():.4f} mean {cos.mean():.4f}")



if __name__ == "__main__":
    main()
