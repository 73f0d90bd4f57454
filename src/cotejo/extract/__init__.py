"""Extract: what each document says happened, who says so, and on what basis.

`extract(ExtractInput) -> Report` lives in `cotejo.extract.report`; it is not imported here
so that `cotejo --help` does not load spaCy.
"""
