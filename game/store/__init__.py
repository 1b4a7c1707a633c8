"""Storage: atomic TinyDB storage, profiles and saves, the event log, the single-instance lock."""
