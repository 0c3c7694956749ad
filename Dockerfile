# Call-center engine image.
#   docker build -t callcenter-engine .
#   docker run -p 8080:8080 -p 4573:4573 -v cc-data:/app/data callcenter-engine
# With no MONGODB_URI / REDIS_URL the engine uses its embedded stores under /app/data.

# ---- build stage ------------------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN chmod +x mvnw && ./mvnw -B -q -pl engine -am package -DskipTests

# ---- runtime stage ----------------------------------------------------------
FROM eclipse-temurin:25-jre
# curl only serves the container health check (GET /health).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin app \
 && mkdir -p /app/data \
 && chown app /app/data
WORKDIR /app
COPY --from=build /src/engine/target/engine-all.jar /app/engine.jar
COPY ivr-scripts/ /app/ivr-scripts/
USER app
# Embedded MongoDB/Redis files live here when no external store is configured.
VOLUME ["/app/data"]
# 8080 = HTTP (API, /health, /metrics, consoles, Twilio webhooks); 4573 = FastAGI.
EXPOSE 8080 4573
ENTRYPOINT ["java","-XX:+UseZGC","-jar","/app/engine.jar"]
