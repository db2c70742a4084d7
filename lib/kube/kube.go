// Package kube sets up the Kubernetes client from the kubeconfig flags that every kdbg
// command shares with kubectl: --kubeconfig, --context, -n/--namespace, --as and friends,
// and the KUBECONFIG variable.
package kube

import (
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/pflag"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
)

// Flags are the kubeconfig flags. Bind them to a command's flag set with AddFlags.
type Flags struct {
	// Log receives the API server's warnings; nil leaves them to client-go.
	Log *slog.Logger

	rules     *clientcmd.ClientConfigLoadingRules
	overrides clientcmd.ConfigOverrides
	config    clientcmd.ClientConfig
}

// NewFlags returns kubeconfig flags with kubectl's defaults.
func NewFlags() *Flags {
	return &Flags{rules: clientcmd.NewDefaultClientConfigLoadingRules()}
}

// AddFlags registers --kubeconfig and clientcmd's override flags on fs, with kubectl's
// names and short forms.
func (f *Flags) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&f.rules.ExplicitPath, "kubeconfig", "",
		"path to the kubeconfig file (default: $KUBECONFIG or ~/.kube/config)")
	clientcmd.BindOverrideFlags(&f.overrides, fs, clientcmd.RecommendedConfigOverrideFlags(""))
}

func (f *Flags) clientConfig() clientcmd.ClientConfig {
	if f.config == nil {
		f.config = clientcmd.NewNonInteractiveDeferredLoadingClientConfig(f.rules, &f.overrides)
	}
	return f.config
}

// Namespace returns the namespace from -n, else the kubeconfig context's, else "default".
// It reads the kubeconfig only when -n is not given, so offline use needs no kubeconfig.
func (f *Flags) Namespace() (string, error) {
	if f.overrides.Context.Namespace != "" {
		return f.overrides.Context.Namespace, nil
	}
	ns, _, err := f.clientConfig().Namespace()
	if err != nil {
		return "", fmt.Errorf("reading namespace from kubeconfig: %w", err)
	}
	return ns, nil
}

// NamespaceOverride returns the namespace given with -n, or "" when none was given.
func (f *Flags) NamespaceOverride() string {
	return f.overrides.Context.Namespace
}

// RESTConfig returns the client configuration, with userAgent identifying the command in
// the apiserver's audit log.
func (f *Flags) RESTConfig(userAgent string) (*rest.Config, error) {
	cfg, err := f.clientConfig().ClientConfig()
	if clientcmd.IsEmptyConfig(err) {
		return nil, fmt.Errorf("no kubeconfig found%s: give --kubeconfig or set KUBECONFIG, "+
			"or give the object with -f to work offline", missingFiles(f.rules))
	}
	if err != nil {
		return nil, fmt.Errorf("loading kubeconfig: %w", err)
	}
	cfg.UserAgent = userAgent + " " + rest.DefaultKubernetesUserAgent()
	if f.Log != nil {
		cfg.WarningHandler = warningLogger{f.Log}
	}
	return cfg, nil
}

// missingFiles names the KUBECONFIG files that do not exist: client-go skips them
// without a word, which leaves a user with a typo wondering where the cluster went.
func missingFiles(rules *clientcmd.ClientConfigLoadingRules) string {
	var missing []string
	for _, p := range rules.Precedence {
		if _, err := os.Stat(p); err != nil {
			missing = append(missing, p)
		}
	}
	if len(missing) == 0 || rules.ExplicitPath != "" {
		return ""
	}
	return fmt.Sprintf(" (no such file: %s)", strings.Join(missing, ", "))
}

// Client returns a typed clientset. It makes no request: discovery is never needed.
func (f *Flags) Client(userAgent string) (kubernetes.Interface, *rest.Config, error) {
	cfg, err := f.RESTConfig(userAgent)
	if err != nil {
		return nil, nil, err
	}
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return nil, nil, fmt.Errorf("creating client: %w", err)
	}
	return cs, cfg, nil
}
