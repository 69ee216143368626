"""Hash-chain constants."""

# The prev_hash of the first event: a fixed value every verifier knows.
GENESIS_HASH = "0" * 64
# Key of the PostgreSQL advisory lock that serialises appends to the chain.
CHAIN_LOCK_KEY = 727_001_2019
