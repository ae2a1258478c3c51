"""Text analysis: word segmentation, stop words, concordance matching, word counts."""
