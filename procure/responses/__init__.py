"""Reading vendors' responses safely: Word, Excel and YAML/JSON answer files."""
