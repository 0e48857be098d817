"""`make scaleout-check`: the production set-up of docs/operations.md on one machine
(own PostgreSQL cluster, Redis, S3 server, two app servers, two task workers, HAProxy),
cross-server checks, a Locust load test and fault tests. Loopback only, bounded in time,
everything it starts is stopped again (also on failure or Ctrl+C)."""
