package main

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// cert describes one certificate the cluster needs, signed by its own CA.
type cert struct {
	name   string // file stem under pki/
	cn     string
	orgs   []string
	server bool
	dns    []string
	ips    []string
}

// certs are every certificate beside the CA; the client ones back kubeconfigs.
var certs = []cert{
	{name: "apiserver", cn: "kube-apiserver", server: true,
		dns: []string{"localhost", "kubernetes", "kubernetes.default",
			"kubernetes.default.svc", "kubernetes.default.svc.cluster.local"},
		ips: []string{"127.0.0.1", nodeIP, svcIP}},
	{name: "kubelet-serving", cn: nodeName, server: true,
		dns: []string{nodeName, "localhost"}, ips: []string{nodeIP, "127.0.0.1"}},
	{name: "apiserver-kubelet-client", cn: "kube-apiserver-kubelet-client",
		orgs: []string{"system:masters"}},
	{name: "admin", cn: "kdbg-admin", orgs: []string{"system:masters"}},
	{name: "limited", cn: limitedUser},
	{name: "controller-manager", cn: "system:kube-controller-manager"},
	{name: "scheduler", cn: "system:kube-scheduler"},
	{name: "kubelet", cn: "system:node:" + nodeName, orgs: []string{"system:nodes"}},
}

// ensurePKI makes the CA, every certificate, the service-account key pair and
// the kubeconfigs, unless an earlier run finished making them.
func ensurePKI(l layout) error {
	done := filepath.Join(l.pki, "complete")
	if _, err := os.Stat(done); err == nil {
		return nil
	}
	if err := os.MkdirAll(l.pki, 0o700); err != nil {
		return err
	}

	caCert, caKey, err := makeCA(l)
	if err != nil {
		return fmt.Errorf("making the CA: %w", err)
	}
	for _, c := range certs {
		if err := makeCert(l, c, caCert, caKey); err != nil {
			return fmt.Errorf("making certificate %q: %w", c.name, err)
		}
	}
	if err := makeSAKeys(l); err != nil {
		return fmt.Errorf("making service-account keys: %w", err)
	}
	if err := writeKubeconfigs(l); err != nil {
		return err
	}
	return os.WriteFile(done, nil, 0o600)
}

func makeCA(l layout) (*x509.Certificate, crypto.Signer, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	tmpl := template("kdbg-cluster-ca", nil)
	tmpl.IsCA = true
	tmpl.BasicConstraintsValid = true
	tmpl.KeyUsage = x509.KeyUsageCertSign | x509.KeyUsageCRLSign | x509.KeyUsageDigitalSignature
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, nil, err
	}
	ca, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, err
	}
	return ca, key, writePair(l, "ca", der, key)
}

func makeCert(l layout, c cert, ca *x509.Certificate, caKey crypto.Signer) error {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	tmpl := template(c.cn, c.orgs)
	tmpl.KeyUsage = x509.KeyUsageDigitalSignature
	tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	if c.server {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
		tmpl.DNSNames = c.dns
		for _, ip := range c.ips {
			tmpl.IPAddresses = append(tmpl.IPAddresses, net.ParseIP(ip))
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, key.Public(), caKey)
	if err != nil {
		return err
	}
	return writePair(l, c.name, der, key)
}

func template(cn string, orgs []string) *x509.Certificate {
	serial, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	now := time.Now()
	return &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: cn, Organization: orgs},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.AddDate(5, 0, 0),
	}
}

func makeSAKeys(l layout) error {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	priv, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return err
	}
	pub, err := x509.MarshalPKIXPublicKey(key.Public())
	if err != nil {
		return err
	}
	if err := writePEM(filepath.Join(l.pki, "sa.key"), "EC PRIVATE KEY", priv); err != nil {
		return err
	}
	return writePEM(filepath.Join(l.pki, "sa.pub"), "PUBLIC KEY", pub)
}

func writePair(l layout, name string, der []byte, key *ecdsa.PrivateKey) error {
	priv, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return err
	}
	if err := writePEM(filepath.Join(l.pki, name+".crt"), "CERTIFICATE", der); err != nil {
		return err
	}
	return writePEM(filepath.Join(l.pki, name+".key"), "EC PRIVATE KEY", priv)
}

func writePEM(path, kind string, der []byte) error {
	return os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der}), 0o600)
}

// writeKubeconfigs writes one kubeconfig per client certificate, with the
// certificates inlined so each file stands alone.
func writeKubeconfigs(l layout) error {
	files := []struct{ cert, user, path, ns string }{
		{"admin", "kdbg-admin", l.kubeconfig, "default"},
		{"limited", limitedUser, l.limitedKubeconfig, limitedNS},
		{"controller-manager", "controller-manager", l.kubeconfigFor("controller-manager"), ""},
		{"scheduler", "scheduler", l.kubeconfigFor("scheduler"), ""},
		{"kubelet", "kubelet", l.kubeconfigFor("kubelet"), ""},
	}
	for _, f := range files {
		text, err := kubeconfig(l, f.cert, f.user, f.ns)
		if err != nil {
			return fmt.Errorf("writing kubeconfig %s: %w", f.path, err)
		}
		if err := os.WriteFile(f.path, []byte(text), 0o600); err != nil {
			return err
		}
	}
	return nil
}

func kubeconfig(l layout, certName, user, ns string) (string, error) {
	var data [3]string
	for i, f := range []string{"ca.crt", certName + ".crt", certName + ".key"} {
		b, err := os.ReadFile(filepath.Join(l.pki, f))
		if err != nil {
			return "", err
		}
		data[i] = base64.StdEncoding.EncodeToString(b)
	}
	nsLine := ""
	if ns != "" {
		nsLine = "\n    namespace: " + ns
	}
	return fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: kdbg
  cluster:
    server: https://127.0.0.1:%s
    certificate-authority-data: %s
users:
- name: %s
  user:
    client-certificate-data: %s
    client-key-data: %s
contexts:
- name: kdbg
  context:
    cluster: kdbg
    user: %s%s
current-context: kdbg
`, apiPort, data[0], user, data[1], data[2], user, nsLine), nil
}
