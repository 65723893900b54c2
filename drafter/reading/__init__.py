"""Reading report text: lines → `Document` (parser), `Document` → `Outline` (outline), the
report's year, date and issuer (metadata), figures written in sentences (figures)."""
