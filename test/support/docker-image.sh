#!/usr/bin/env bash
# Builds the local image `busybox:local` the Docker containerizer tests run (issue 7): no image
# registry is reachable here, so the image is imported from a root filesystem made of Debian's static
# busybox (package busybox-static). Idempotent: does nothing when the image already exists; pass
# --force to rebuild. Takes about a second.
set -euo pipefail

IMAGE="${TSMESOS_TEST_IMAGE:-busybox:local}"
DOCKER="${DOCKER:-docker}"

if [ "${1:-}" != "--force" ] && "$DOCKER" image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "docker-image: $IMAGE already present"
  exit 0
fi

# busybox-static installs /bin/busybox as a static binary; a dynamic one would need its libraries.
BUSYBOX="${BUSYBOX:-/bin/busybox}"
if [ ! -x "$BUSYBOX" ]; then
  echo "docker-image: $BUSYBOX not found (apt-get install busybox-static)" >&2
  exit 1
fi
if ldd "$BUSYBOX" >/dev/null 2>&1; then
  echo "docker-image: $BUSYBOX is dynamically linked; install busybox-static" >&2
  exit 1
fi

ROOT="$(mktemp -d /tmp/tsmesos-busybox-rootfs.XXXXXX)"
trap 'rm -rf "$ROOT"' EXIT
mkdir -p "$ROOT"/{bin,sbin,usr/bin,usr/sbin,tmp,etc,proc,sys,dev,root,var/www}
chmod 1777 "$ROOT/tmp"
cp "$BUSYBOX" "$ROOT/bin/busybox"
for applet in $("$ROOT/bin/busybox" --list); do
  [ "$applet" = busybox ] || ln -s busybox "$ROOT/bin/$applet"
done
# Users and groups the tests switch to (`user: nobody`, `--user 65534`).
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$ROOT/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$ROOT/etc/group"
echo 'hello from busybox:local' > "$ROOT/var/www/index.html"

# The image's default CMD and PATH, so tasks without a command and with shell:false behave like an
# image pulled from a registry.
tar -C "$ROOT" -c . | "$DOCKER" import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["sh"]' \
  - "$IMAGE" >/dev/null
echo "docker-image: built $IMAGE ($("$DOCKER" image inspect --format '{{.Size}}' "$IMAGE") bytes)"
