"""Language data: lexicons and word lists, one package per language (``lang/en``)."""
