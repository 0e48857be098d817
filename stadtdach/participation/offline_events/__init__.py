"""Offline events (workshop, town walk, information stand, …): date, place, attendance by
target group, documents and photos; staff record the results as contributions marked
offline, so that offline and online input are evaluated together."""
