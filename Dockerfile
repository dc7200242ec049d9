# A container with shore on PATH, for CI jobs (GitLab `image:`, GitHub `container:`).
#
#   docker build -t shore .
#   docker run --rm -v "$PWD:/work" -w /work shore check plans/*.yaml
#
# Stage 1 builds a release binary with the Swift runtime linked in statically
# (scripts/install.sh); stage 2 is a plain Debian with libyaml, the one library it needs.
FROM swift:6.3-bookworm AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libyaml-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN scripts/install.sh --prefix /opt/shore && scripts/check-install.sh /opt/shore/bin/shore

FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libyaml-0-2 git \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/shore/bin/shore /usr/local/bin/shore
ENTRYPOINT ["shore"]
CMD ["--help"]
