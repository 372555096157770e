"""Evaluation: scoring runs against gold annotations (``scorer``), the span conventions
of peer data sets (``polnear``), and the accuracy gate CI enforces (``gate``)."""
