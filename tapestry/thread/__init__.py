"""The thread between the levels: the only floor that reads across micro, mezzo and macro.

Each area is its own app in this package (rollups, signals, advisor, packs, stories, datasets). It
reads practice data through measures (counts already suppressed) or, where it must see one record
(a case's needs for the advisor, a story's record for the scrubber), through the access policy; it
writes into a level only through that level's services.
"""
