package cli

// Demo is not built yet.
func Demo(env *Env, args []string) int { return env.Fail(ExitUsage, "Demo: not built yet") }
