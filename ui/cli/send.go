package cli

// Send is not built yet.
func Send(env *Env, args []string) int { return env.Fail(ExitUsage, "Send: not built yet") }
