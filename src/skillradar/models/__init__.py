"""Model-side files shipped with skillradar: the MiniLM tokenizer and the ESCO-tuned int8 ONNX encoder (esco-minilm), with their licence notes."""
