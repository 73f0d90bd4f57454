"""Extract: language, and (later) what each document says happened."""
