# codev — production image: gunicorn serving /slack/events, /healthz and /metrics.
# Build: docker build -t codev .   Run: see docker-compose.yml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

WORKDIR /app

# The app never runs as root.
RUN groupadd --system --gid 10001 codev \
    && useradd --system --uid 10001 --gid codev --home-dir /app --no-create-home codev

# Dependencies in their own layer: rebuilt only when pyproject.toml changes.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > requirements.txt \
    && pip install --no-cache-dir -r requirements.txt \
    && rm requirements.txt

# The code (migrations are found next to the package, so it runs from /app).
COPY alembic.ini manifest.yml ./
COPY migrations ./migrations
COPY bot ./bot

USER 10001:10001
EXPOSE 3000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=4).status != 200)"]

# `serve` checks the tokens, upgrades the database to every migration head, then
# starts gunicorn; SIGTERM (docker stop) finishes in-flight requests and leaves
# undelivered messages in the outbox for the next start.
ENTRYPOINT ["python", "-m", "bot"]
CMD ["serve", "--http", "--host", "0.0.0.0", "--port", "3000"]
