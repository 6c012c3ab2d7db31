package formats

// Registry is replaced by the profile registry (registry.go).
type Registry struct{}

// explain is replaced by the catalogue and profile merge (explain.go).
func explain(d *Diagnosis, opts Options) {}
