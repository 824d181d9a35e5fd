//! Browser glue: DOM, canvas, worker, location. No math here.
