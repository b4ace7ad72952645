# syntax=docker/dockerfile:1

# Build stage: compiles and packages with Maven (tests run in CI, before this build).
FROM maven:3.9-eclipse-temurin-[=java_version] AS build
WORKDIR /src
COPY pom.xml .
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp dependency:go-offline
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -DskipTests package

# Runtime stage: a JRE and the jar, running as an unprivileged user.
FROM eclipse-temurin:[=java_version]-jre
RUN groupadd --system app && useradd --system --gid app --no-create-home app
WORKDIR /app
COPY --from=build /src/target/[=project_slug].jar /app/app.jar
ENV PORT=[=port]
EXPOSE [=port]
USER app
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
