"""The demo province: ``sathach demo`` seeds Nghệ An at scale and serves it."""
