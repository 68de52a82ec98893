"""``iaterr lint``: is a record good enough to publish, and does the collectivité meet its duties?"""
