"""Draft commenting: a draft text (the Leitbild, a chapter of the ISEK draft) split into
paragraphs; citizens comment on a paragraph, staff answer each comment publicly."""
