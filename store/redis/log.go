package redis

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	goredis "github.com/redis/go-redis/v9"
)

// driverLog sends go-redis's own log lines to log/slog at debug level.
// go-redis prints every failed dial to stderr by default; during a
// failover that is dozens of lines for an event the Store retries and
// counts (Retries), and the CLI's contract is one clear line per error.
type driverLog struct{}

func (driverLog) Printf(ctx context.Context, format string, v ...any) {
	slog.DebugContext(ctx, "go-redis: "+fmt.Sprintf(format, v...))
}

var quietDriver sync.Once

// quiet installs driverLog. go-redis's logger is global to the process;
// wiretrace is its only user here.
func quiet() { quietDriver.Do(func() { goredis.SetLogger(driverLog{}) }) }
