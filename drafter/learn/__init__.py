"""`drafter learn`: read a corpus of real reports and write the structure model."""
