cluster_name = "ignored, this is a variables file"
