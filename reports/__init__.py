"""Digests (Jinja templates, builder, mailer) and alert notifiers. Reads the store and nothing else."""
