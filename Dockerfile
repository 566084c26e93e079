# Parapet: one image holding all five executables (ingest, classifier, escalation, notifier
# and the operator CLI parapet). The command chooses what runs:
#
#   docker run --rm parapet:local ingest
#   docker run --rm parapet:local parapet migrate
#
# Build:  docker build -t parapet:local .
#         (the first build fetches the Swift packages and builds librdkafka: allow 10-20 minutes)
#
# Builder: the official Swift 6.3 image on Debian 12 (bookworm), the same distribution and
# toolchain as the project's development and CI machines, so the image is built exactly the way
# the tests were. Debian 12's librdkafka-dev is 2.0.2, too old (see docs/architecture.md, "Known
# facts about the tools"), so the builder compiles librdkafka 2.8 from Debian 13's source
# package, as scripts/setup does; the apt source entry is derived from the base image's own
# entry, so no mirror is named here. There is no official Swift 6.3 image on Debian 13, and
# Ubuntu 24.04 (noble) ships librdkafka 2.3.
#
# Runtime: debian:trixie-slim, whose librdkafka1 is 2.8 (same soname, same ABI as the headers
# used to build) and whose glibc is newer than bookworm's, so bookworm-built binaries run there.
# The Swift standard library and Foundation are linked statically (--static-swift-stdlib), so
# the runtime needs no Swift toolchain; the build fails if any shared library is missing.

ARG SWIFT_IMAGE=swift:6.3-bookworm
ARG RUNTIME_IMAGE=debian:trixie-slim

# ------------------------------------------------------------------------------------------
FROM ${SWIFT_IMAGE} AS build

ARG LIBRDKAFKA_MIN=2.8.0
ENV DEBIAN_FRONTEND=noninteractive \
    PKG_CONFIG_PATH=/usr/local/lib/pkgconfig

# Build dependencies, then librdkafka from Debian 13's source package into /usr/local.
RUN set -eux; \
    apt-get -q update; \
    apt-get -q install -y --no-install-recommends \
        build-essential dpkg-dev pkg-config ca-certificates \
        libpq-dev libssl-dev libsasl2-dev zlib1g-dev libzstd-dev liblz4-dev libcurl4-openssl-dev; \
    uri=""; \
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then \
        uri="$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)"; \
    fi; \
    if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then \
        uri="$(awk '$1=="deb" && $0 !~ /security/ {for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' /etc/apt/sources.list)"; \
    fi; \
    test -n "$uri"; \
    printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
        > /etc/apt/sources.list.d/trixie-src.sources; \
    apt-get -q update; \
    mkdir -p /tmp/librdkafka; cd /tmp/librdkafka; \
    apt-get source -q --only-source librdkafka/trixie; \
    cd "$(find . -maxdepth 1 -type d -name 'librdkafka-*' | head -n1)"; \
    ./configure --prefix=/usr/local --disable-debug-symbols; \
    make -j"$(nproc)" libs; \
    make install-subdirs; \
    ldconfig; \
    v="$(pkg-config --modversion rdkafka)"; \
    dpkg --compare-versions "$v" ge "$LIBRDKAFKA_MIN" || { echo "librdkafka $v < $LIBRDKAFKA_MIN" >&2; exit 1; }; \
    cd /; rm -rf /tmp/librdkafka /etc/apt/sources.list.d/trixie-src.sources /var/lib/apt/lists/*

WORKDIR /src

# Resolve the Swift packages first so that this layer is reused while only sources change.
COPY Package.swift Package.resolved* ./
RUN swift package resolve $([ -f Package.resolved ] && echo --force-resolved-versions || true)

COPY . .

# Build the five products (not the benchmark), then stage them with any *.resources bundles
# (SQL migrations), which SwiftPM looks up beside the executable at run time.
RUN set -eux; \
    for p in ingest classifier escalation notifier parapet; do \
        swift build -c release --static-swift-stdlib --product "$p"; \
    done; \
    bin="$(swift build -c release --show-bin-path)"; \
    mkdir -p /staging/bin; \
    for p in ingest classifier escalation notifier parapet; do \
        cp "$bin/$p" /staging/bin/; \
        strip --strip-debug /staging/bin/"$p"; \
    done; \
    find -L "$bin" -maxdepth 1 -type d -name '*.resources' -exec cp -R {} /staging/bin/ \; ; \
    if [ -x /usr/libexec/swift/linux/swift-backtrace-static ]; then \
        cp /usr/libexec/swift/linux/swift-backtrace-static /staging/bin/; \
    fi; \
    ls -la /staging/bin

# ------------------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE} AS runtime

ARG LIBRDKAFKA_MIN=2.8.0
ENV DEBIAN_FRONTEND=noninteractive

# librdkafka1 (>= 2.8), libpq5 and libcurl4 (the notifier's SMTP) for the services, ca-certificates for TLS to Kafka,
# PostgreSQL and SMTP relays, tzdata for per-school local times, curl for container health
# checks (compose). Then a fixed, numeric non-root user so Kubernetes can verify runAsNonRoot.
RUN set -eux; \
    apt-get -q update; \
    apt-get -q install -y --no-install-recommends librdkafka1 libpq5 libcurl4 ca-certificates tzdata curl; \
    rm -rf /var/lib/apt/lists/*; \
    v="$(dpkg-query -W -f='${Version}' librdkafka1)"; \
    dpkg --compare-versions "$v" ge "$LIBRDKAFKA_MIN" || { echo "librdkafka1 $v < $LIBRDKAFKA_MIN" >&2; exit 1; }; \
    groupadd --gid 10001 parapet; \
    useradd --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin parapet

COPY --from=build --chown=root:root /staging/bin/ /opt/parapet/bin/

# Fail the build here, not at 3 a.m., if an executable needs a library the image lacks.
RUN set -eu; \
    for p in ingest classifier escalation notifier parapet; do \
        f=/opt/parapet/bin/$p; test -x "$f"; \
        if ldd "$f" | grep -q 'not found'; then ldd "$f"; exit 1; fi; \
    done

ENV PATH=/opt/parapet/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PARAPET_HTTP_HOST=0.0.0.0 \
    PARAPET_LOG_FORMAT=json \
    SWIFT_BACKTRACE=enable=yes,sanitize=yes,threads=all,images=none,interactive=no,swift-backtrace=/opt/parapet/bin/swift-backtrace-static

LABEL org.opencontainers.image.title="parapet" \
      org.opencontainers.image.description="Parapet services (ingest, classifier, escalation, notifier) and the parapet operator CLI"

USER 10001:10001
WORKDIR /opt/parapet
# ingest, classifier, escalation, notifier (each reads PARAPET_HTTP_PORT)
EXPOSE 8080 8081 8082 8083
STOPSIGNAL SIGTERM
# No HEALTHCHECK here: the port differs per service and the image also runs one-shot CLI
# commands; docker-compose.yml and the Kubernetes probes define the checks per service.
CMD ["parapet", "--help"]
