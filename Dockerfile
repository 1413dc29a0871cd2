# syntax=docker/dockerfile:1
# GridGov: build with the Maven wrapper, run the Spring Boot jar on a JRE.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# the Maven repository is cached between builds (BuildKit)
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw \
    && ./mvnw -B -ntp -DskipTests package \
    && cp web-app/target/web-app-*.jar /tmp/app.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 gridgov \
    && useradd --system --uid 10001 --gid gridgov --home-dir /app --no-create-home gridgov \
    && mkdir -p /app /data \
    && chown gridgov:gridgov /data
WORKDIR /app
COPY --from=build /tmp/app.jar /app/app.jar
# generated demo keys (and the embedded PostgreSQL when no database is configured) live here
ENV GRIDGOV_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME /data
USER gridgov
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
