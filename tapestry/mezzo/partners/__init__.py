"""Partner organisations: agreements, shared programs, contacts and referrals exchanged."""
