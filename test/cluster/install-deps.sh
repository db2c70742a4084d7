#!/usr/bin/env bash
# install-deps.sh installs the Debian packages the local test cluster needs.
# It is idempotent: packages already present are left alone and apt is not
# asked at all when nothing is missing. Run as root.
set -euo pipefail

pkgs=(
	containerd               # the container runtime (also ships ctr)
	runc                     # the OCI runtime containerd starts
	containernetworking-plugins # bridge, host-local, loopback in /usr/lib/cni
	busybox-static           # the busybox image's one binary
	iproute2                 # ip: node bridge, addresses, netns cleanup
	iptables                 # the bridge CNI plugin calls it
	util-linux               # mount, umount, nsenter
	procps                   # ps, pkill-free diagnostics
	kmod                     # modprobe for br_netfilter when the kernel has it
	ca-certificates
	make
	git
)

missing=()
for p in "${pkgs[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$p")
	fi
done

if ((${#missing[@]} == 0)); then
	echo "install-deps: all packages present" >&2
	exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# --no-install-recommends keeps docker-style extras (and their services) out.
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
