package cli

// APIsImport is not built yet.
func APIsImport(env *Env, args []string) int { return env.Fail(ExitUsage, "APIsImport: not built yet") }

// APIsAdd is not built yet.
func APIsAdd(env *Env, args []string) int { return env.Fail(ExitUsage, "APIsAdd: not built yet") }

// APIsRemove is not built yet.
func APIsRemove(env *Env, args []string) int { return env.Fail(ExitUsage, "APIsRemove: not built yet") }

// APIsTest is not built yet.
func APIsTest(env *Env, args []string) int { return env.Fail(ExitUsage, "APIsTest: not built yet") }
