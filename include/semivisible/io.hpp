// semivisible/io.hpp — the io stage: exclusion.csv/json, DarkCast .lmt, atomic file writes,
// pyhf JSON workspaces.
// Not included here: semivisible/io/hepdata.hpp (needs yaml-cpp linked; include it explicitly)
// and semivisible/io/output_directory.hpp (POSIX: flock, mkdtemp, signals; include it explicitly).
#pragma once
#include "semivisible/io/atomic_file.hpp"
#include "semivisible/io/csv.hpp"
#include "semivisible/io/darkcast.hpp"
#include "semivisible/io/json.hpp"
#include "semivisible/io/pyhf.hpp"
#include "semivisible/io/two_column_csv.hpp"
