"""Operations: readiness, request ids and JSON logs, Prometheus metrics, the page shown
while the database is unreachable, and the lease that requeues tasks of dead workers
(docs/operations.md)."""
