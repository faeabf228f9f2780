"""Export a fine-tuned checkpoint to ONNX and quantise it to int8 for skillradar (training venv).

Same interface as the model skillradar already loads: inputs ``input_ids``, ``attention_mask``,
``token_type_ids`` (int64, batch × sequence), output ``last_hidden_state`` (batch × sequence × 384);
skillradar mean-pools and normalises. Weights are quantised dynamically to int8, per output channel
(``onnxruntime.quantization.quantize_dynamic``); the script prints the cosine between the int8 ONNX
vectors and the fp32 torch vectors on a few texts as a check.
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("checkpoint", type=Path)
    ap.add_argument("--out", type=Path, required=True, help="folder for model.onnx (int8)")
    args = ap.parse_args()
    from onnxruntime.quantization import QuantType, quantize_dynamic
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
        target = args.out / "model.onnx"
        quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8, per_channel=True)
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
