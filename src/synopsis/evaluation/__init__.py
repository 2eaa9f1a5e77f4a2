"""Evaluation beside the pipeline: ROUGE, baseline (peer) summarizers, the readability audit."""
