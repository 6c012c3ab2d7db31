package cli

// History is not built yet.
func History(env *Env, args []string) int { return env.Fail(ExitUsage, "History: not built yet") }
