"""Consensus finding (Systemisches Konsensieren): every participant gives every option a
resistance from 0 to 10; the option with the least total resistance is the most accepted.
The passive solution ("leave it as it is") is always one of the options."""
