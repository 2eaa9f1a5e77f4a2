"""The text toolkit every stage shares: sentence segmentation, tokens, stems, stopwords, dates."""
