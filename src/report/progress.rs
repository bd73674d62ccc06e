//! A note on stderr when a run on a terminal takes longer than a blink.

/// Shows "checking…" on stderr after 300 ms; erased when the run ends
/// (dropped). Never shown in pipes or CI logs: the caller enables it only
/// on a terminal.
pub struct Progress {
    state: Option<std::sync::Arc<std::sync::Mutex<u8>>>,
}

impl Progress {
    pub fn start(enabled: bool) -> Progress {
        if !enabled {
            return Progress { state: None };
        }
        let state = std::sync::Arc::new(std::sync::Mutex::new(0u8));
        let s = state.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            // 0 running → 1 shown; if the run ended first (2), stay silent.
            if let Ok(mut g) = s.lock()
                && *g == 0
            {
                #[allow(clippy::print_stderr)]
                {
                    eprint!("skillc: checking…");
                }
                *g = 1;
            }
        });
        Progress { state: Some(state) }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(s) = &self.state
            && let Ok(mut g) = s.lock()
        {
            if *g == 1 {
                #[allow(clippy::print_stderr)]
                {
                    eprint!("\r\x1b[K");
                }
            }
            *g = 2;
        }
    }
}
