// Command demo-app is the only file in kdbg's "distroless" demo image: a static
// program with no shell beside it, the case that needs an ephemeral debug
// container. It logs a line now and then until it is stopped, and needs no root.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	every := flag.Duration("every", 5*time.Second, "time between log lines")
	flag.Parse()

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	tick := time.NewTicker(*every)
	defer tick.Stop()

	fmt.Printf("demo-app: started, pid %d, uid %d\n", os.Getpid(), os.Getuid())
	for n := 1; ; n++ {
		select {
		case s := <-sig:
			fmt.Printf("demo-app: %v, stopping\n", s)
			return
		case <-tick.C:
			fmt.Printf("demo-app: tick %d\n", n)
		}
	}
}
