package cli

// Explain is not built yet.
func Explain(env *Env, args []string) int { return env.Fail(ExitUsage, "Explain: not built yet") }
